<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SupportTab</name>
    <message>
        <source>Inga samtycken registrerade. Ett samtycke behövs innan en remiss skickas till en utförare.</source>
        <translation>No consents recorded. A consent is needed before a referral is sent to a provider.</translation>
    </message>
    <message>
        <source>Nytt samtycke…</source>
        <translation>New consent…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Rätta ett samtycke som inte är återkallat</source>
        <translation>Correct a consent that is not withdrawn</translation>
    </message>
    <message>
        <source>Återkalla samtycke…</source>
        <translation>Withdraw consent…</translation>
    </message>
    <message>
        <source>Personen har tagit tillbaka samtycket</source>
        <translation>The person has taken the consent back</translation>
    </message>
    <message>
        <source>Inga remisser. Föreslå en med ”Ny remiss…”.</source>
        <translation>No referrals. Propose one with “New referral…”.</translation>
    </message>
    <message>
        <source>Ny remiss…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna den valda remissen (Enter)</source>
        <translation>Open the chosen referral (Enter)</translation>
    </message>
    <message>
        <source>Samtycken</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Remisser</source>
        <translation>Referrals</translation>
    </message>
</context>
</TS>
