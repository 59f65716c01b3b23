using System.Globalization;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>
/// One token chosen by a PKCS#11 URI, with one read-only session that is logged in once and reused for
/// every signature. Not thread-safe: <see cref="Pkcs11SigningKey"/> serialises access.
/// </summary>
internal sealed class Pkcs11Token : IDisposable
{
    private readonly Pkcs11Module _module;
    private readonly ISlot _slot;
    private byte[]? _pin;
    private ISession? _session;

    private Pkcs11Token(Pkcs11Module module, ISlot slot, string label, bool loginRequired, byte[]? pin)
    {
        _module = module;
        _slot = slot;
        Label = label;
        LoginRequired = loginRequired;
        _pin = pin;
    }

    public string Label { get; }

    public bool LoginRequired { get; }

    public bool HasPin => _pin is not null;

    public Pkcs11InteropFactories Factories => _module.Factories;

    /// <summary>Gets the logged-in session, opening (and logging in) again after it was lost.</summary>
    public ISession Session => _session ??= OpenSession();

    /// <summary>Selects the one token that <paramref name="uri"/> names. Takes ownership of <paramref name="module"/>.</summary>
    public static Pkcs11Token Open(Pkcs11Module module, Pkcs11Uri uri, Pkcs11SigningKeyOptions options)
    {
        try
        {
            var (slot, token) = SelectSlot(module, uri);
            string label = token.Label.TrimEnd(' ');
            byte[]? pin = ResolvePin(uri, options, label);
            var result = new Pkcs11Token(module, slot, label, token.TokenFlags.LoginRequired, pin);
            _ = result.Session; // Log in now, so that a wrong PIN surfaces at open.
            return result;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>Closes the session after the module reported it lost; the next <see cref="Session"/> opens a new one.</summary>
    public void ResetSession()
    {
        var session = _session;
        _session = null;
        try
        {
            session?.Dispose();
        }
        catch (Pkcs11Exception)
        {
            // The session is already gone; nothing to release.
        }
    }

    public void Dispose()
    {
        ResetSession();
        if (_pin is not null)
        {
            Array.Clear(_pin);
            _pin = null;
        }

        _module.Dispose();
    }

    /// <summary>The login PIN, for context-specific logins with <see cref="Pkcs11SigningKeyOptions.ReusePin"/>.</summary>
    public byte[]? LoginPin => _pin;

    private ISession OpenSession()
    {
        ISession session;
        try
        {
            session = _slot.OpenSession(SessionType.ReadOnly);
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"opening a session on token '{Label}'");
        }

        if (_pin is null)
        {
            return session;
        }

        try
        {
            session.Login(CKU.CKU_USER, _pin);
        }
        catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login state is shared by every session of this process on the token.
        }
        catch (Pkcs11Exception ex)
        {
            session.Dispose();
            if (ex.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LOCKED)
            {
                // Never try a wrong PIN twice: a retry would bring the token closer to locking.
                Array.Clear(_pin);
                _pin = null;
            }

            throw Pkcs11Errors.From(ex, $"logging in to token '{Label}'");
        }

        return session;
    }

    private static (ISlot Slot, ITokenInfo Token) SelectSlot(Pkcs11Module module, Pkcs11Uri uri)
    {
        EnsureLibraryMatches(module, uri);
        List<ISlot> slots;
        try
        {
            slots = module.Library.GetSlotList(SlotsType.WithTokenPresent);
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"listing the slots of module '{module.Path}'");
        }

        var present = new List<(ISlot Slot, ITokenInfo Token)>();
        var matches = new List<(ISlot Slot, ITokenInfo Token)>();
        foreach (var slot in slots)
        {
            ITokenInfo token;
            try
            {
                token = slot.GetTokenInfo();
            }
            catch (Pkcs11Exception ex) when (ex.RV is CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED)
            {
                continue;
            }

            present.Add((slot, token));
            if (Matches(slot, token, uri))
            {
                matches.Add((slot, token));
            }
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count == 0)
        {
            string available = present.Count == 0 ? "no token is present" : "tokens present: " + Describe(present);
            throw new RolesAnywherePkcs11Exception(
                $"No PKCS#11 token matches '{uri}' in module '{module.Path}' ({available}). Fix token=, serial= or slot-id= in the URI.");
        }

        throw new RolesAnywherePkcs11Exception(
            $"Several PKCS#11 tokens match '{uri}' in module '{module.Path}': {Describe(matches)}. Add token=, serial= or slot-id= to the URI to choose one.");
    }

    /// <summary>Honours library-manufacturer, library-description and library-version (C_GetInfo) rather than ignoring them.</summary>
    private static void EnsureLibraryMatches(Pkcs11Module module, Pkcs11Uri uri)
    {
        if (!uri.DefinesLibrary)
        {
            return;
        }

        ILibraryInfo info;
        try
        {
            info = module.Library.GetInfo();
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"reading the information of module '{module.Path}'");
        }

        if (!Same(uri.LibraryManufacturer, info.ManufacturerId) || !Same(uri.LibraryDescription, info.LibraryDescription) ||
            !Same(uri.LibraryVersion, info.LibraryVersion))
        {
            throw new RolesAnywherePkcs11Exception(
                $"The PKCS#11 module '{module.Path}' is library-manufacturer={info.ManufacturerId.TrimEnd(' ')};library-description={info.LibraryDescription.TrimEnd(' ')};library-version={info.LibraryVersion}, " +
                $"not the library the URI names (library-manufacturer={uri.LibraryManufacturer};library-description={uri.LibraryDescription};library-version={uri.LibraryVersion}). Fix those attributes, or module-path.");
        }
    }

    private static bool Matches(ISlot slot, ITokenInfo token, Pkcs11Uri uri)
    {
        if (uri.SlotId is { } slotId && slot.SlotId != slotId)
        {
            return false;
        }

        if (!Same(uri.Token, token.Label) || !Same(uri.Manufacturer, token.ManufacturerId) ||
            !Same(uri.Model, token.Model) || !Same(uri.Serial, token.SerialNumber))
        {
            return false;
        }

        if (uri.SlotDescription is null && uri.SlotManufacturer is null)
        {
            return true;
        }

        var info = slot.GetSlotInfo();
        return Same(uri.SlotDescription, info.SlotDescription) && Same(uri.SlotManufacturer, info.ManufacturerId);
    }

    private static bool Same(string? wanted, string actual) =>
        wanted is null || string.Equals(wanted, actual.TrimEnd(' '), StringComparison.Ordinal);

    private static string Describe(List<(ISlot Slot, ITokenInfo Token)> tokens)
    {
        var builder = new StringBuilder();
        foreach (var (slot, token) in tokens)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ", ")
                .Append(CultureInfo.InvariantCulture, $"'{token.Label.TrimEnd(' ')}' (slot-id={slot.SlotId}, serial={token.SerialNumber.TrimEnd(' ')})");
        }

        return builder.ToString();
    }

    private static byte[]? ResolvePin(Pkcs11Uri uri, Pkcs11SigningKeyOptions options, string label)
    {
        string? pin = uri.PinValue ?? options.Pin;
        if (pin is null && uri.PinSource is { } source)
        {
            string path = source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? source[5..] : source;
            try
            {
                pin = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new RolesAnywherePkcs11Exception($"The PIN file '{path}' named by pin-source could not be read: {ex.Message}", innerException: ex);
            }
        }

        pin ??= options.PinCallback?.Invoke(label);
        return pin is null ? null : Encoding.UTF8.GetBytes(pin);
    }
}
