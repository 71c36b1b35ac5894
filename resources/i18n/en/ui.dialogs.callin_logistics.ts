<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LogisticsTab</name>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Egen punkt, t.ex. ”Nyckel till lokalen”</source>
        <translation>Own item, e.g. “Key to the venue”</translation>
    </message>
    <message>
        <source>Lägg till punkt</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Kryssa i det som är ordnat. Egna punkter tas bort genom att kryssa ur dem.</source>
        <translation>Tick what is arranged. Own items are removed by unticking them.</translation>
    </message>
</context>
</TS>