<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BundleExportWizard</name>
    <message>
        <source>Exportera till partner</source>
        <translation>Export to partner</translation>
    </message>
    <message>
        <source>&amp;Nästa &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Exporten avbröts. Ingen fil skrevs.</source>
        <translation>The export was cancelled. No file was written.</translation>
    </message>
</context>
<context>
    <name>RunStep</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Avbryt exporten</source>
        <translation>&amp;Cancel the export</translation>
    </message>
    <message>
        <source>Bunten skrivs…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <source>Bunten är sparad och utlämnandet är infört i registret.

Fil: %1
Bunt-id: %2
Löpnummer: %3
Poster: %4</source>
        <translation>The bundle is saved and the disclosure is entered in the register.

File: %1
Bundle id: %2
Sequence number: %3
Records: %4</translation>
    </message>
    <message>
        <source>Ingen bunt skrevs och inget fördes in i registret.</source>
        <translation>No bundle was written and nothing was entered in the register.</translation>
    </message>
</context>
</TS>