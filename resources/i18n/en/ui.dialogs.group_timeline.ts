<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>GroupTimelineTab</name>
    <message>
        <source>Inget registrerat om gruppen ännu: medlemskap, händelser, call-ins, riktade samtal och ökat fokus visas här.</source>
        <translation>Nothing recorded about the group yet: memberships, incidents, call-ins, custom notifications and follow-through appear here.</translation>
    </message>
    <message>
        <source>Dubbelklicka på en rad för att öppna den.</source>
        <translation>Double-click a row to open it.</translation>
    </message>
</context>
</TS>