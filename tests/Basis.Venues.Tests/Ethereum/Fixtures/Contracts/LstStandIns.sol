// SPDX-License-Identifier: MIT
// Stand-ins for Lido (stETH, wstETH) and EtherFi (LiquidityPool, eETH, weETH) with the functions of the real
// interfaces the venue adapters call. Neither protocol publishes deployable artifacts on npm. Balances are shares of
// the pooled ether, as in the real contracts; simulateRewards() plays the oracle report that raises the pooled ether.
pragma solidity ^0.8.20;

abstract contract SharesToken {
    mapping(address => uint256) public sharesOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalShares;
    uint8 public constant decimals = 18;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function totalPooledEther() public view virtual returns (uint256);

    function sharesFor(uint256 amount) public view returns (uint256) {
        return totalShares == 0 ? amount : amount * totalShares / totalPooledEther();
    }

    function amountFor(uint256 shares) public view returns (uint256) {
        return totalShares == 0 ? shares : shares * totalPooledEther() / totalShares;
    }

    function totalSupply() external view returns (uint256) { return totalPooledEther(); }

    function balanceOf(address account) external view returns (uint256) { return amountFor(sharesOf[account]); }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= amount, "ALLOWANCE_EXCEEDED");
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        uint256 shares = sharesFor(amount);
        require(sharesOf[from] >= shares, "BALANCE_EXCEEDED");
        sharesOf[from] -= shares;
        sharesOf[to] += shares;
        emit Transfer(from, to, amount);
    }

    // As the real tokens do, a mint is a Transfer from the zero address of what the shares are worth.
    function _mintShares(address to, uint256 shares) internal {
        sharesOf[to] += shares;
        totalShares += shares;
        emit Transfer(address(0), to, amountFor(shares));
    }
}

contract StEthStandIn is SharesToken {
    string public constant name = "Liquid staked Ether 2.0 (stand-in)";
    string public constant symbol = "stETH";
    uint256 private _pooled;

    function totalPooledEther() public view override returns (uint256) { return _pooled; }

    function getTotalPooledEther() external view returns (uint256) { return _pooled; }

    function getSharesByPooledEth(uint256 ethAmount) external view returns (uint256) { return sharesFor(ethAmount); }

    function getPooledEthByShares(uint256 sharesAmount) external view returns (uint256) { return amountFor(sharesAmount); }

    function submit(address) external payable returns (uint256 shares) {
        require(msg.value > 0, "ZERO_DEPOSIT");
        shares = sharesFor(msg.value);
        _pooled += msg.value;
        _mintShares(msg.sender, shares);
    }

    function simulateRewards() external payable { _pooled += msg.value; }
}

contract WstEthStandIn {
    string public constant name = "Wrapped liquid staked Ether 2.0 (stand-in)";
    string public constant symbol = "wstETH";
    uint8 public constant decimals = 18;
    StEthStandIn public immutable stETH;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(StEthStandIn steth) { stETH = steth; }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function wrap(uint256 stETHAmount) external returns (uint256 wstETHAmount) {
        require(stETHAmount > 0, "wstETH: can't wrap zero stETH");
        wstETHAmount = stETH.getSharesByPooledEth(stETHAmount);
        balanceOf[msg.sender] += wstETHAmount;
        totalSupply += wstETHAmount;
        emit Transfer(address(0), msg.sender, wstETHAmount);
        stETH.transferFrom(msg.sender, address(this), stETHAmount);
    }

    function unwrap(uint256 wstETHAmount) external returns (uint256 stETHAmount) {
        require(wstETHAmount > 0, "wstETH: zero amount unwrap not allowed");
        stETHAmount = stETH.getPooledEthByShares(wstETHAmount);
        balanceOf[msg.sender] -= wstETHAmount;
        totalSupply -= wstETHAmount;
        emit Transfer(msg.sender, address(0), wstETHAmount);
        stETH.transfer(msg.sender, stETHAmount);
    }

    function getWstETHByStETH(uint256 stETHAmount) external view returns (uint256) { return stETH.getSharesByPooledEth(stETHAmount); }

    function getStETHByWstETH(uint256 wstETHAmount) external view returns (uint256) { return stETH.getPooledEthByShares(wstETHAmount); }

    function stEthPerToken() external view returns (uint256) { return stETH.getPooledEthByShares(1 ether); }
}

contract EtherFiLiquidityPoolStandIn {
    EEthStandIn public immutable eETH;
    uint256 private _pooled;

    constructor() { eETH = new EEthStandIn(this); }

    function getTotalPooledEther() external view returns (uint256) { return _pooled; }

    function sharesForAmount(uint256 amount) public view returns (uint256) {
        uint256 total = eETH.totalShares();
        return total == 0 ? amount : amount * total / _pooled;
    }

    function amountForShare(uint256 share) public view returns (uint256) {
        uint256 total = eETH.totalShares();
        return total == 0 ? share : share * _pooled / total;
    }

    function deposit() external payable returns (uint256 shares) {
        require(msg.value > 0, "ZERO_DEPOSIT");
        shares = sharesForAmount(msg.value);
        _pooled += msg.value;
        eETH.mintShares(msg.sender, shares);
    }

    function simulateRewards() external payable { _pooled += msg.value; }
}

contract EEthStandIn is SharesToken {
    string public constant name = "ether.fi ETH (stand-in)";
    string public constant symbol = "eETH";
    EtherFiLiquidityPoolStandIn public immutable liquidityPool;

    constructor(EtherFiLiquidityPoolStandIn pool) { liquidityPool = pool; }

    function totalPooledEther() public view override returns (uint256) { return liquidityPool.getTotalPooledEther(); }

    function mintShares(address to, uint256 shares) external {
        require(msg.sender == address(liquidityPool), "Only pool contract function");
        _mintShares(to, shares);
    }
}

contract WeEthStandIn {
    string public constant name = "Wrapped eETH (stand-in)";
    string public constant symbol = "weETH";
    uint8 public constant decimals = 18;
    EEthStandIn public immutable eETH;
    EtherFiLiquidityPoolStandIn public immutable liquidityPool;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(EtherFiLiquidityPoolStandIn pool) {
        liquidityPool = pool;
        eETH = pool.eETH();
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    // Needed by AAVE (supply pulls the underlying) and Uniswap (the pool pulls the input).
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= amount, "ALLOWANCE_EXCEEDED");
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }

    function wrap(uint256 eETHAmount) external returns (uint256 weEthAmount) {
        require(eETHAmount > 0, "weETH: can't wrap zero eETH");
        weEthAmount = liquidityPool.sharesForAmount(eETHAmount);
        balanceOf[msg.sender] += weEthAmount;
        totalSupply += weEthAmount;
        emit Transfer(address(0), msg.sender, weEthAmount);
        eETH.transferFrom(msg.sender, address(this), eETHAmount);
    }

    function unwrap(uint256 weETHAmount) external returns (uint256 eETHAmount) {
        require(weETHAmount > 0, "Cannot unwrap a zero amount");
        eETHAmount = liquidityPool.amountForShare(weETHAmount);
        balanceOf[msg.sender] -= weETHAmount;
        totalSupply -= weETHAmount;
        emit Transfer(msg.sender, address(0), weETHAmount);
        eETH.transfer(msg.sender, eETHAmount);
    }

    function getWeETHByeETH(uint256 eETHAmount) external view returns (uint256) { return liquidityPool.sharesForAmount(eETHAmount); }

    function getEETHByWeETH(uint256 weETHAmount) external view returns (uint256) { return liquidityPool.amountForShare(weETHAmount); }

    function getRate() external view returns (uint256) { return liquidityPool.amountForShare(1 ether); }
}
