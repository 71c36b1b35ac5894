<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Mottryck — %1</source>
        <translation>Mottryck — %1</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Lås</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Lås valvet och töm alla vyer</source>
        <translation>Lock the vault and clear every view</translation>
    </message>
    <message>
        <source>&amp;Inställningar…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Exportera till partner…</source>
        <translation>&amp;Export to partner…</translation>
    </message>
    <message>
        <source>Skriv en krypterad bunt till en partner</source>
        <translation>Write an encrypted bundle for a partner</translation>
    </message>
    <message>
        <source>&amp;Importera från partner…</source>
        <translation>&amp;Import from partner…</translation>
    </message>
    <message>
        <source>Läs in en krypterad bunt från en partner</source>
        <translation>Read an encrypted bundle from a partner</translation>
    </message>
    <message>
        <source>A&amp;vsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Om Mottryck</source>
        <translation>&amp;About Mottryck</translation>
    </message>
    <message>
        <source>Användare: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Upplåst</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mottryck %1&lt;/h3&gt;&lt;p&gt;Ett krypterat register för Sluta skjut-grupper. Allt sparas i valvet på den här datorn; inget skickas någonstans.&lt;/p&gt;&lt;p&gt;Typsnitt: DejaVu Sans. Licenser finns i resources/licenses.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mottryck %1&lt;/h3&gt;&lt;p&gt;An encrypted register for Sluta skjut (Group Violence Intervention) working groups. Everything is kept in the vault on this computer; nothing is sent anywhere.&lt;/p&gt;&lt;p&gt;Font: DejaVu Sans. Licences are in resources/licenses.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Om Mottryck</source>
        <translation>About Mottryck</translation>
    </message>
    <message>
        <source>1 osparat formulär återställdes efter låsningen</source>
        <translation>1 unsaved form was restored after locking</translation>
    </message>
    <message>
        <source>%1 osparade formulär återställdes efter låsningen</source>
        <translation>%1 unsaved forms were restored after locking</translation>
    </message>
    <message>
        <source>Låst</source>
        <translation>Locked</translation>
    </message>
</context>
</TS>