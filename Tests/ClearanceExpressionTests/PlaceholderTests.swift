import Testing
@testable import ClearanceExpression
