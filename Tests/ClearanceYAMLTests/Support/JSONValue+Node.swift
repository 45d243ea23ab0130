import Foundation
import ClearanceTestSupport
@testable import ClearanceDocument

extension JSONValue {
    /// The JSON value of a loaded node, as `clearance inspect` prints it.
    init(_ node: Node) {
        let data = Data(node.json().utf8)
        self = (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .string("<unparseable: \(node.json())>")
    }
}
