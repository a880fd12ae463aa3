using System.Security.Cryptography;
using System.Text;

namespace Quartier.ServiceDefaults.Idempotency;

/// <summary>
/// A stored answer can open a resident's booking (it carries the management link), so it is kept
/// sealed with the client's <c>Idempotency-Key</c>, which the service never stores: the row is found by
/// a key derived from it, and only a repeat that sends the key again can read the answer. Hand-written
/// on .NET's HKDF and AES-GCM: no data-protection key ring is needed, and none could open the rows alone.
/// </summary>
internal static class IdempotencySeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>What the store keeps in place of the key: 64 hex characters that do not lead back to it.</summary>
    public static string LookupKey(string key) => Convert.ToHexString(Derive(key, "quartier idempotency lookup"));

    public static byte[] Seal(string key, byte[] plaintext)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Derive(key, "quartier idempotency answer"), TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    public static byte[] Open(string key, byte[] sealedBytes)
    {
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Derive(key, "quartier idempotency answer"), TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext);
        return plaintext;
    }

    public static string? SealText(string key, string? text) =>
        string.IsNullOrEmpty(text) ? text : Convert.ToBase64String(Seal(key, Encoding.UTF8.GetBytes(text)));

    public static string? OpenText(string key, string? sealedText) =>
        string.IsNullOrEmpty(sealedText) ? sealedText : Encoding.UTF8.GetString(Open(key, Convert.FromBase64String(sealedText)));

    private static byte[] Derive(string key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));
}
