<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Lås upp Mottryck</source>
        <translation>Unlock Mottryck</translation>
    </message>
    <message>
        <source>Lås upp valvet</source>
        <translation>Unlock the vault</translation>
    </message>
    <message>
        <source>Din lösenfras</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Öppna ett &amp;annat valv…</source>
        <translation>Open &amp;another vault…</translation>
    </message>
    <message>
        <source>Valv</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Lösenfras</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Skriv din lösenfras.</source>
        <translation>Type your passphrase.</translation>
    </message>
    <message>
        <source>Du kan försöka igen.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <source>För många misslyckade försök. Försök igen om %1 s.</source>
        <translation>Too many failed attempts. Try again in %1 s.</translation>
    </message>
</context>
</TS>
