using System.Net;

namespace LivePersonEscalation;

/// <summary>What an accepted escalation answered, as remembered by the duplicate guard to answer repeats with.</summary>
internal readonly record struct AcceptedAnswer(
    HttpStatusCode StatusCode, string Body, bool IsBodyTruncated, string? RequestId, TimeSpan Elapsed, int Attempts);
