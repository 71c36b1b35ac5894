<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Mottryck</source>
        <translation>Mottryck</translation>
    </message>
    <message>
        <source>Välkommen till Mottryck</source>
        <translation>Welcome to Mottryck</translation>
    </message>
    <message>
        <source>Mottryck sparar allt krypterat i ett valv: en mapp på den här datorn eller på en krypterad USB-sticka. Vad vill du göra?</source>
        <translation>Mottryck keeps everything encrypted in a vault: a folder on this computer or on an encrypted USB stick. What would you like to do?</translation>
    </message>
    <message>
        <source>Skapa nytt valv</source>
        <translation>Create a new vault</translation>
    </message>
    <message>
        <source>För en ny arbetsgrupp: du väljer mapp, användarnamn och lösenfras.</source>
        <translation>For a new working group: you choose the folder, user name and passphrase.</translation>
    </message>
    <message>
        <source>Öppna befintligt valv</source>
        <translation>Open an existing vault</translation>
    </message>
    <message>
        <source>En mapp med ett valv som redan finns, här eller på en USB-sticka.</source>
        <translation>A folder with a vault that already exists, here or on a USB stick.</translation>
    </message>
    <message>
        <source>Öppna demovalvet</source>
        <translation>Open the demo vault</translation>
    </message>
    <message>
        <source>Prova Mottryck med påhittade personer. Inga riktiga uppgifter.</source>
        <translation>Try Mottryck with invented people. No real data.</translation>
    </message>
    <message>
        <source>Tillbaka</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Välj mappen med valvet</source>
        <translation>Choose the vault&apos;s folder</translation>
    </message>
    <message>
        <source>Det finns inget Mottryck-valv i %1. Välj mappen som innehåller filerna mottryck.db och keyslots.json.</source>
        <translation>There is no Mottryck vault in %1. Choose the folder that holds the files mottryck.db and keyslots.json.</translation>
    </message>
</context>
</TS>
