<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Skapa nytt valv</source>
        <translation>Create a new vault</translation>
    </message>
    <message>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Minst %1 tecken; gärna flera ord</source>
        <translation>At least %1 characters; several words are good</translation>
    </message>
    <message>
        <source>&amp;Mapp</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <source>&amp;Användare</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;Lösenfras</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Upprepa</source>
        <translation>&amp;Repeat</translation>
    </message>
    <message>
        <source>Lösenfrasen går inte att ta fram igen. Efteråt visas en återställningsnyckel som du skriver ut och låser in.</source>
        <translation>The passphrase cannot be retrieved later. Next you will see a recovery key to print and lock away.</translation>
    </message>
    <message>
        <source>&amp;Skapa valvet</source>
        <translation>&amp;Create the vault</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Välj mapp för valvet</source>
        <translation>Choose a folder for the vault</translation>
    </message>
    <message>
        <source>För kort: %1 tecken till.</source>
        <translation>Too short: %1 more characters.</translation>
    </message>
    <message>
        <source>Svag: gör den längre, eller blanda stora och små bokstäver, siffror och tecken.</source>
        <translation>Weak: make it longer, or mix capitals and small letters, digits and symbols.</translation>
    </message>
    <message>
        <source>Godkänd. Längre är ännu starkare.</source>
        <translation>Acceptable. Longer is stronger still.</translation>
    </message>
    <message>
        <source>Stark.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>Välj en mapp för valvet.</source>
        <translation>Choose a folder for the vault.</translation>
    </message>
    <message>
        <source>Det är en fil, inte en mapp.</source>
        <translation>That is a file, not a folder.</translation>
    </message>
    <message>
        <source>Det finns redan ett valv här. Välj en annan mapp, eller gå tillbaka och öppna valvet.</source>
        <translation>There is already a vault here. Choose another folder, or go back and open that vault.</translation>
    </message>
    <message>
        <source>Lösenfrasen måste vara minst %1 tecken lång.</source>
        <translation>The passphrase must be at least %1 characters long.</translation>
    </message>
    <message>
        <source>Lösenfraserna är inte lika.</source>
        <translation>The passphrases do not match.</translation>
    </message>
    <message>
        <source>Skapar valvet…</source>
        <translation>Creating the vault…</translation>
    </message>
</context>
</TS>
