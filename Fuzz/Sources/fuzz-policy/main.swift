import ClearanceFuzzTargets
import FuzzSupport

/// libFuzzer's entry point: one input, see `FuzzEntry.policy`.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzEntry.policy(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
