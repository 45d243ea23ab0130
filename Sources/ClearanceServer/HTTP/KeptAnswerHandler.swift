import HTTPTypes
import NIOCore
import NIOHTTPTypes
#if canImport(Glibc)
import Glibc
#endif

/// Answers `GET /v1/people/{id}/clearance` on the connection's own thread when the answer is already kept
/// (``ServerApplication/keptClearance(_:)``), as the router would answer it; passes every other request on to the router.
///
/// A kept answer costs a lookup, so the hops to Swift's task threads and back, the router and its middleware would be most
/// of its cost. While a request passed on is unanswered this handler answers nothing, so answers keep the requests' order
/// on a connection that pipelines them. One handler serves one connection.
final class KeptAnswerHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let server: ServerApplication
    /// The requests passed on whose answers' ends have not been written yet.
    private var unanswered = 0
    /// Whether the request being read was answered here, so its body and end are dropped.
    private var answeredHere = false
    /// Whether an answer was written and awaits the flush at the end of this read.
    private var needsFlush = false
    /// The `Date` header of the current second, and that second.
    private var date: (second: Int, text: String) = (-1, "")

    /// A handler answering from `server`'s kept answers.
    init(server: ServerApplication) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            answeredHere = false
            if unanswered == 0, request.headerFields[.connection].map({ $0.lowercased() == "keep-alive" }) ?? true,
               let (head, body) = server.keptClearance(request) {
                answeredHere = true
                var head = head
                head.headerFields[.date] = currentDate()
                head.headerFields[.server] = ServerApplication.serverName
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                context.write(wrapOutboundOut(.end(nil)), promise: nil)
                needsFlush = true
                return
            }
            unanswered += 1
            context.fireChannelRead(data)
        case .body, .end:
            if !answeredHere { context.fireChannelRead(data) }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), unanswered > 0 { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    /// The current time as an HTTP date (RFC 9110, `Sun, 06 Nov 1994 08:49:37 GMT`), made once a second.
    private func currentDate() -> String {
        var now = time(nil)
        guard now != date.second else { return date.text }
        var parts = tm()
        gmtime_r(&now, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        date = (now, text)
        return text
    }
}
