using Basis.ExchangeSimulator.Okx;

namespace Basis.ExchangeSimulator.Tests.Okx;

/// <summary>shared/docs/SIGNING_VECTORS.md's OKX v5 examples.</summary>
public sealed class OkxSignatureTests
{
    private const string Secret = "22582BD0CFF14C41EDBF1AB98506286D";

    [Fact]
    public void Get_with_query_matches()
    {
        Assert.Equal("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=", OkxApi.Sign(Secret, "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC"));
    }

    [Fact]
    public void Post_with_json_body_matches()
    {
        Assert.Equal(
            "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=",
            OkxApi.Sign(Secret, """2020-12-08T09:08:57.715ZPOST/api/v5/account/set-leverage{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}"""));
    }
}
