// SPDX-License-Identifier: MIT
// The atomic loop of DESIGN §4: one AAVE v3 flash loan, a list of calls, all or nothing. Every position it opens
// is the owner's (supply/borrow onBehalfOf the owner); the executor holds nothing between transactions.
pragma solidity ^0.8.20;

interface IFlashLoanPool {
    function flashLoanSimple(address receiverAddress, address asset, uint256 amount, bytes calldata params, uint16 referralCode) external;
}

contract LeverageExecutor {
    /// One call the executor makes: approve, wrap, Pool.supply/borrow/repay/withdraw, swap...
    struct Step {
        address target;
        uint256 value;
        bytes data;
    }

    address public immutable owner;
    IFlashLoanPool public immutable pool;

    constructor(address aavePool) {
        owner = msg.sender;
        pool = IFlashLoanPool(aavePool);
    }

    /// Unwrapping WETH sends ether here.
    receive() external payable {}

    /// Flash-borrows `amount` of `asset` (none when 0), runs `steps`, lets the pool pull amount + premium, then
    /// sends every balance of `sweep` tokens and all ether back to the owner.
    function execute(address asset, uint256 amount, Step[] calldata steps, address[] calldata sweep) external {
        require(msg.sender == owner, "LeverageExecutor: caller is not the owner");
        if (amount == 0) {
            _run(abi.decode(abi.encode(steps), (Step[])));
        } else {
            pool.flashLoanSimple(address(this), asset, amount, abi.encode(steps), 0);
        }

        for (uint256 i = 0; i < sweep.length; i++) {
            (bool ok, bytes memory ret) = sweep[i].staticcall(abi.encodeWithSignature("balanceOf(address)", address(this)));
            require(ok && ret.length >= 32, "LeverageExecutor: balanceOf failed");
            uint256 balance = abi.decode(ret, (uint256));
            if (balance > 0) _call(sweep[i], abi.encodeWithSignature("transfer(address,uint256)", owner, balance), "LeverageExecutor: sweep failed");
        }

        if (address(this).balance > 0) {
            (bool sent, ) = owner.call{value: address(this).balance}("");
            require(sent, "LeverageExecutor: ether sweep failed");
        }
    }

    /// AAVE's flash-loan callback. Only the pool may call it, and only for a loan this contract asked for (the
    /// pool passes the loan's initiator): anyone can ask the pool for a flash loan naming us as receiver.
    function executeOperation(address asset, uint256 amount, uint256 premium, address initiator, bytes calldata params) external returns (bool) {
        require(msg.sender == address(pool), "LeverageExecutor: caller is not the pool");
        require(initiator == address(this), "LeverageExecutor: loan not initiated by the executor");
        _run(abi.decode(params, (Step[])));
        _call(asset, abi.encodeWithSignature("approve(address,uint256)", address(pool), amount + premium), "LeverageExecutor: approve failed");
        return true;
    }

    function _run(Step[] memory steps) private {
        for (uint256 i = 0; i < steps.length; i++) {
            (bool ok, bytes memory ret) = steps[i].target.call{value: steps[i].value}(steps[i].data);
            if (!ok) revert(string.concat("step ", _decimal(i), " failed: ", _reason(ret)));
        }
    }

    /// A call to a token that may return nothing (USDT) or a bool.
    function _call(address target, bytes memory data, string memory message) private {
        (bool ok, bytes memory ret) = target.call(data);
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), message);
    }

    /// Error(string)'s message; other revert data (custom errors, panics) as hex.
    function _reason(bytes memory ret) private pure returns (string memory) {
        if (ret.length >= 68 && bytes4(ret) == 0x08c379a0) {
            assembly {
                ret := add(ret, 0x04)
            }
            return abi.decode(ret, (string));
        }

        bytes memory digits = "0123456789abcdef";
        bytes memory hex_ = new bytes(2 + 2 * ret.length);
        hex_[0] = "0";
        hex_[1] = "x";
        for (uint256 i = 0; i < ret.length; i++) {
            hex_[2 + 2 * i] = digits[uint8(ret[i]) >> 4];
            hex_[3 + 2 * i] = digits[uint8(ret[i]) & 15];
        }

        return string(hex_);
    }

    function _decimal(uint256 n) private pure returns (string memory) {
        if (n == 0) return "0";
        uint256 digits;
        for (uint256 m = n; m > 0; m /= 10) digits++;
        bytes memory out = new bytes(digits);
        for (; n > 0; n /= 10) out[--digits] = bytes1(uint8(48 + (n % 10)));
        return string(out);
    }
}
