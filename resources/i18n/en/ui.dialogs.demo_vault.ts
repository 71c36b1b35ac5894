<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DemoVaultDialog</name>
    <message>
        <source>Demovalvet</source>
        <translation>The demo vault</translation>
    </message>
    <message>
        <source>Demovalvet finns redan och öppnas med uppgifterna nedan.</source>
        <translation>The demo vault already exists and is opened with the details below.</translation>
    </message>
    <message>
        <source>Ett valv med %1 påhittade personer, grupper och händelser skapas. Inga riktiga uppgifter: använd det för att prova och öva.</source>
        <translation>A vault with %1 invented people, groups and incidents is created. No real data: use it to try things out and practise.</translation>
    </message>
    <message>
        <source>Mapp</source>
        <translation>Folder</translation>
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
        <source>&amp;Öppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Skapa och öppna</source>
        <translation>&amp;Create and open</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Öppnar demovalvet…</source>
        <translation>Opening the demo vault…</translation>
    </message>
    <message>
        <source>Skapar påhittade personer…</source>
        <translation>Creating invented people…</translation>
    </message>
    <message>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
