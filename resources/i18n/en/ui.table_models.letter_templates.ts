<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>TemplatesModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Brevtyp</source>
        <translation>Letter type</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Senast ändrad</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Sparad</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>%1 (gällande)</source>
        <translation>%1 (current)</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <source>Svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <source>Engelska</source>
        <translation>English</translation>
    </message>
</context>
</TS>