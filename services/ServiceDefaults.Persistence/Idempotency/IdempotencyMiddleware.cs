using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.ServiceDefaults.Http;

namespace Quartier.ServiceDefaults.Idempotency;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header on every write (POST, PUT, PATCH, DELETE): the first
/// request runs, its answer is stored in the service's database (sealed with the key: <see cref="IdempotencySeal"/>), and a repeat with the same key and
/// body gets that answer again — a double submit creates one booking. A repeat that arrives while the
/// first is still running waits for its answer; the same key with another body is a 422.
/// Answers of 5xx are not kept, so a retry after an outage runs again.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 100;
    private static readonly TimeSpan WaitForFirstAttempt = TimeSpan.FromSeconds(10);

    /// <summary>An attempt still "in progress" after this long died with its process; a repeat may run again.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context)
    {
        // Only services with a database keep idempotent requests; the gateway passes the header on.
        var store = context.RequestServices.GetService<IIdempotencyStore>();
        if (store is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var keys)
            || HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        var key = keys.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key.",
                $"The {HeaderName} header must hold 1 to {MaxKeyLength} characters, e.g. a UUID.");
            return;
        }

        var target = $"{context.Request.Method} {context.Request.Path}";
        var requestHash = await HashBodyAsync(context.Request);
        var lookupKey = IdempotencySeal.LookupKey(key);
        var first = await store.TryBeginAsync(lookupKey, target, requestHash, context.RequestAborted);
        if (first is not null)
        {
            await ReplayAsync(context, store, first, requestHash, key);
            return;
        }

        await RunAndRememberAsync(context, store, key, lookupKey, target);
    }

    private async Task RunAndRememberAsync(HttpContext context, IIdempotencyStore store, string key, string lookupKey, string target)
    {
        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = originalBody;
            await ForgetQuietlyAsync(store, lookupKey, target);
            throw;
        }

        context.Response.Body = originalBody;
        if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await ForgetQuietlyAsync(store, lookupKey, target);
        }
        else
        {
            var answer = new StoredAnswer(
                context.Response.StatusCode,
                context.Response.ContentType,
                IdempotencySeal.SealText(key, context.Response.Headers.Location.ToString()),
                IdempotencySeal.Seal(key, captured.ToArray()));
            await store.CompleteAsync(lookupKey, target, answer, CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted);
    }

    /// <summary>Lets a retry run again; if even that fails (database down), the record is taken over once stale.</summary>
    private static async Task ForgetQuietlyAsync(IIdempotencyStore store, string key, string target)
    {
        try
        {
            await store.ForgetAsync(key, target, CancellationToken.None);
        }
        catch (Exception exception) when (Persistence.DatabaseExceptionClassifier.IsOutage(exception))
        {
            // The original failure is what the caller needs to hear about.
        }
    }

    private static async Task ReplayAsync(HttpContext context, IIdempotencyStore store, IdempotentRequest first, string requestHash, string key)
    {
        if (first.RequestHash != requestHash)
        {
            await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                "This key was already used for a different request. Use a new key for a new request.");
            return;
        }

        var deadline = DateTimeOffset.UtcNow + WaitForFirstAttempt;
        var answer = first;
        while (answer is { StatusCode: null } && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, context.RequestAborted);
            answer = await store.FindAsync(first.Key, first.Target, context.RequestAborted);
        }

        if (answer is not { StatusCode: { } statusCode })
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "The same request is still being processed.",
                "A request with this Idempotency-Key is in progress. Repeat it shortly to get its answer.");
            return;
        }

        context.Response.StatusCode = statusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(answer.ContentType))
        {
            context.Response.ContentType = answer.ContentType;
        }

        if (!string.IsNullOrEmpty(answer.Location))
        {
            context.Response.Headers.Location = IdempotencySeal.OpenText(key, answer.Location);
        }

        if (answer.ResponseBody is { Length: > 0 } sealedBody && IdempotencySeal.Open(key, sealedBody) is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }
}
