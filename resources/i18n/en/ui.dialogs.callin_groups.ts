<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Grupper för call-in</source>
        <translation>Groups of the call-in</translation>
    </message>
    <message>
        <source>Filtrera på namn</source>
        <translation>Filter by name</translation>
    </message>
    <message>
        <source>Kryssa i de grupper vars medlemmar call-in riktar sig till.</source>
        <translation>Tick the groups whose members the call-in addresses.</translation>
    </message>
</context>
</TS>