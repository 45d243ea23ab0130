import ClearanceFuzzTargets
import FuzzSupport

/// libFuzzer's entry point: one input, see `FuzzEntry.sources`.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzEntry.sources(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
