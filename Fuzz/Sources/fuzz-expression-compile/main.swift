import ClearanceFuzzTargets

/// libFuzzer's set-up hook: builds the shared world, tables and caches before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzEntry.warmUp()
    return 0
}

/// libFuzzer's entry point: one input, see `FuzzEntry.expressionCompile`.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzEntry.expressionCompile(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
