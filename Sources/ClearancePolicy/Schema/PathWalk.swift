import ClearanceDocument

/// Every path of one kind (``PropertyPaths``), its keys symbols of one table, as plain steps one after another: walked in
/// documents of that table by one call for all the paths, which copies no path and counts no reference per step.
final class PathWalk: Sendable {
    /// The steps of every path, one path after another.
    private let steps: [PropertyPath.SymbolStep]
    /// Where each path's steps start in `steps`, then where the last ends.
    private let starts: [Int]

    /// The walk of `paths`, each resolved in one table (``PropertyPath/resolved(in:)``).
    init(_ paths: [PropertyPath]) {
        var steps: [PropertyPath.SymbolStep] = [], starts = [0]
        for path in paths {
            steps += path.symbolSteps
            starts.append(steps.count)
        }
        self.steps = steps
        self.starts = starts
    }

    /// The nodes the paths reach in `document` from `root` that pass `test` (several through lists, none where a key is
    /// absent), path by path in order and each path's in document order, with the path's index and the list positions
    /// taken on the way (``PropertyPath/written(indices:)``). The document must be of the walk's table, with no plain keys.
    func nodes(in document: Document, from root: NodeID, where test: (_ document: Document, _ id: NodeID) -> Bool)
        -> [(path: Int, id: NodeID, indices: [Int])] {
        var found: [(path: Int, id: NodeID, indices: [Int])] = []
        var indices: [Int] = []
        for path in 0..<(starts.count - 1) {
            walk(document, root, step: starts[path], end: starts[path + 1], path: path, indices: &indices, test, into: &found)
        }
        return found
    }

    private func walk(_ document: Document, _ start: NodeID, step first: Int, end: Int, path: Int, indices: inout [Int],
                      _ test: (Document, NodeID) -> Bool, into found: inout [(path: Int, id: NodeID, indices: [Int])]) {
        var id = start
        for step in first..<end {
            switch steps[step] {
            case .symbol(let symbol):
                guard let value = document.value(for: symbol, in: id) else { return }
                id = value
            case .each:
                guard document.kind(id) == .sequence else { return }
                for index in 0..<document.count(id) {
                    indices.append(index)
                    walk(document, document.element(index, of: id), step: step + 1, end: end, path: path, indices: &indices, test, into: &found)
                    indices.removeLast()
                }
                return
            }
        }
        if test(document, id) { found.append((path, id, indices)) }
    }
}
