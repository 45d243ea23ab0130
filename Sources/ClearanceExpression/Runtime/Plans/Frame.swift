import ClearanceDocument

/// A loop variable that is an element of a document list: the document (unretained) and the node.
///
/// Evaluation never creates documents: every document a value refers to is reachable from the
/// bindings, which stay alive for the whole evaluation. So inside one evaluation a document can be
/// held without retaining it; values that leave the evaluation always hold theirs strongly.
struct NodeCursor: @unchecked Sendable {
    /// The document, unretained.
    let document: Unmanaged<Document>
    /// The node.
    let id: NodeID
}

/// The state of one evaluation: the bound variables, the loop-variable slots and the step count.
///
/// It lives on the evaluating thread's stack for the duration of one ``Program/evaluate(_:)``;
/// nothing in it is shared, so programs evaluate concurrently without locks.
struct Frame {
    /// The bound variables, by slot (`nil` for a declared variable nothing was bound to).
    let variables: UnsafeBufferPointer<Value?>
    /// The bound variables that are document mappings or lists, by slot, as nodes to read without a reference count.
    let variableNodes: UnsafeBufferPointer<NodeCursor?>
    /// The loop variables of macros, by slot (see `cursors` for document elements).
    let locals: UnsafeMutablePointer<Value>
    /// The loop variables that are document nodes, by slot; they take precedence over `locals`.
    let cursors: UnsafeMutablePointer<NodeCursor?>
    /// Results of loop-invariant parts computed so far in this evaluation, by slot.
    let memos: UnsafeMutablePointer<Resolved?>
    /// Steps taken so far.
    var steps: Int
    /// The most steps allowed.
    let budget: Int

    /// The value of a loop variable.
    @inline(__always)
    func local(_ slot: Int) -> Value {
        if let cursor = cursors[slot] { return Value(reading: cursor.document, cursor.id) }
        return locals[slot]
    }

    /// Binds a loop variable to a plain value.
    @inline(__always)
    func bind(_ slot: Int, _ value: Value) {
        cursors[slot] = nil
        locals[slot] = value
    }

    /// Binds a loop variable to a document node without building a value for it.
    @inline(__always)
    func bind(_ slot: Int, document: Unmanaged<Document>, id: NodeID) {
        cursors[slot] = NodeCursor(document: document, id: id)
    }

    /// Counts `cost` steps, failing once the budget is spent.
    @inline(__always)
    mutating func charge(_ cost: Int, at offset: Int) throws(EvaluationError) {
        steps &+= cost
        if steps > budget { throw EvaluationError(message: RuntimeMessages.budgetExceeded(budget), offset: offset) }
    }

    /// Runs `body` with `context` and a frame over `bindings`, `localCount` fresh loop-variable slots and
    /// `memoCount` empty memo slots, all on the stack.
    ///
    /// `context` is handed to `body` rather than captured by it: a captured object is counted once more for each call.
    static func with<Context, R>(bindings: Bindings, localCount: Int, memoCount: Int, budget: Int, passing context: Context,
                                 _ body: (Context, inout Frame) -> R) -> R {
        bindings.nodes.withUnsafeBufferPointer { nodes in
            if localCount == 0 && memoCount == 0 {
                return withoutLocals(bindings: bindings.values, nodes: nodes, budget: budget) { body(context, &$0) }
            }
            return withLocals(bindings: bindings.values, nodes: nodes, localCount: localCount, memoCount: memoCount, budget: budget) {
                body(context, &$0)
            }
        }
    }

    /// An expression with macros: its loop-variable and memo slots set up.
    private static func withLocals<R>(bindings: [Value?], nodes: UnsafeBufferPointer<NodeCursor?>, localCount: Int, memoCount: Int,
                                      budget: Int, _ body: (inout Frame) -> R) -> R {
        bindings.withUnsafeBufferPointer { variables in
            withUnsafeTemporaryAllocation(of: Value.self, capacity: max(1, localCount)) { localBuffer in
                withUnsafeTemporaryAllocation(of: NodeCursor?.self, capacity: max(1, localCount)) { cursorBuffer in
                    withUnsafeTemporaryAllocation(of: Resolved?.self, capacity: max(1, memoCount)) { memoBuffer in
                        let locals = localBuffer.baseAddress!, cursors = cursorBuffer.baseAddress!, memos = memoBuffer.baseAddress!  // safe: capacity >= 1
                        locals.initialize(repeating: .null, count: localBuffer.count)
                        cursors.initialize(repeating: nil, count: cursorBuffer.count)
                        memos.initialize(repeating: nil, count: memoBuffer.count)
                        defer {
                            locals.deinitialize(count: localBuffer.count)
                            memos.deinitialize(count: memoBuffer.count)
                        }
                        var frame = Frame(variables: variables, variableNodes: nodes, locals: locals, cursors: cursors, memos: memos,
                                          steps: 0, budget: budget)
                        return body(&frame)
                    }
                }
            }
        }
    }

    /// The common case of an expression with no macro: no loop-variable or memo slots to set up.
    private static func withoutLocals<R>(bindings: [Value?], nodes: UnsafeBufferPointer<NodeCursor?>, budget: Int,
                                         _ body: (inout Frame) -> R) -> R {
        bindings.withUnsafeBufferPointer { variables in
            withUnsafeTemporaryAllocation(of: Value.self, capacity: 1) { localBuffer in
                withUnsafeTemporaryAllocation(of: NodeCursor?.self, capacity: 1) { cursorBuffer in
                    withUnsafeTemporaryAllocation(of: Resolved?.self, capacity: 1) { memoBuffer in
                        // Never read: no plan of the expression has a slot. Left uninitialised on purpose.
                        var frame = Frame(variables: variables, variableNodes: nodes, locals: localBuffer.baseAddress!,
                                          cursors: cursorBuffer.baseAddress!,  // safe: capacity 1
                                          memos: memoBuffer.baseAddress!, steps: 0, budget: budget)  // safe: capacity 1
                        return body(&frame)
                    }
                }
            }
        }
    }
}
