<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Vad som får lämnas ut till %1</source>
        <translation>What may be disclosed to %1</translation>
    </message>
    <message>
        <source>Standard för typen</source>
        <translation>Default for the kind</translation>
    </message>
    <message>
        <source>Det som partnertypen får som standard.</source>
        <translation>What this kind of partner receives by default.</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kryssa i de uppgifter som får lämnas ut i buntar till partnern. Allt annat stannar här.</source>
        <translation>Tick the data that may be disclosed in bundles to the partner. Everything else stays here.</translation>
    </message>
</context>
<context>
    <name>ProfileModel</name>
    <message>
        <source>Posttyp och fält</source>
        <translation>Record type and field</translation>
    </message>
    <message>
        <source>Lämnas aldrig ut till civilsamhället (offentlighets- och sekretesslagen): brottsuppgifter, gruppinblandning, juridiska bedömningar, frivårdsuppgifter och personnummer.</source>
        <translation>Never disclosed to civil society (Public Access to Information and Secrecy Act): crime data, group involvement, legal assessments, probation data and personal identity numbers.</translation>
    </message>
</context>
</TS>