<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SupportPage</name>
    <message>
        <source>Visa remisser med en viss status</source>
        <translation>Show referrals with a given status</translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Försenade</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Visa remisser till en utförare</source>
        <translation>Show referrals to one provider</translation>
    </message>
    <message>
        <source>Alla utförare</source>
        <translation>All providers</translation>
    </message>
    <message>
        <source>Visa remisser till en viss insats</source>
        <translation>Show referrals for one kind of support</translation>
    </message>
    <message>
        <source>Alla insatser</source>
        <translation>All support</translation>
    </message>
    <message>
        <source>Sök på personens namn</source>
        <translation>Search by the person&apos;s name</translation>
    </message>
    <message>
        <source>Ny remiss…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>Föreslå en remiss för en person (Ctrl+N)</source>
        <translation>Propose a referral for a person (Ctrl+N)</translation>
    </message>
    <message>
        <source>Öppna den valda remissen (Enter)</source>
        <translation>Open the chosen referral (Enter)</translation>
    </message>
    <message>
        <source>Remisser</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Stöd</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>%1 (arkiverad)</source>
        <translation>%1 (archived)</translation>
    </message>
    <message>
        <source>1 remiss</source>
        <translation>1 referral</translation>
    </message>
    <message>
        <source>%1 remisser</source>
        <translation>%1 referrals</translation>
    </message>
    <message>
        <source>1 försenad</source>
        <translation>1 overdue</translation>
    </message>
    <message>
        <source>%1 försenade</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>Ingen remiss matchar ”%1”</source>
        <translation>No referral matches “%1”</translation>
    </message>
    <message>
        <source>Sökningen gäller personens namn. Töm sökrutan för att se alla.</source>
        <translation>The search looks at the person&apos;s name. Empty the search box to see them all.</translation>
    </message>
    <message>
        <source>Ingen remiss matchar</source>
        <translation>No referral matches</translation>
    </message>
    <message>
        <source>Välj ”Alla statusar”, ”Alla utförare” och ”Alla insatser” för att se hela registret.</source>
        <translation>Choose “All statuses”, “All providers” and “All support” to see the whole register.</translation>
    </message>
    <message>
        <source>Inga remisser ännu</source>
        <translation>No referrals yet</translation>
    </message>
    <message>
        <source>En remiss är stöd att lämna: en person hänvisas till en utförare, med personens samtycke. Föreslå en med ”Ny remiss…” eller från personens flik Stöd. Lägg först in utförarna under fliken Utförare.</source>
        <translation>A referral is help to leave: a person is referred to a provider, with the person&apos;s consent. Propose one with “New referral…” or from the person&apos;s Support tab. First add the providers on the Providers tab.</translation>
    </message>
</context>
</TS>
