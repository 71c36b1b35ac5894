<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>GroupsPage</name>
    <message>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Vilka grupper riktar sig mötet till? Deras nuvarande medlemmar blir förslag i nästa steg.</source>
        <translation>Which groups does the meeting address? Their current members are suggested in the next step.</translation>
    </message>
    <message>
        <source>Sök grupp på namn eller område</source>
        <translation>Search groups by name or area</translation>
    </message>
    <message>
        <source>Det finns inga grupper i registret än. Lägg upp grupperna under Grupper först.</source>
        <translation>There are no groups in the register yet. Add the groups under Groups first.</translation>
    </message>
    <message>
        <source>(namn okänt)</source>
        <translation>(name unknown)</translation>
    </message>
    <message>
        <source>Borttagen sedan planen skrevs, och inte längre vald: %1</source>
        <translation>Deleted since the plan was written, and no longer chosen: %1</translation>
    </message>
    <message>
        <source>Valda: %1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message>
        <source>Ingen grupp vald än: bocka i en eller flera.</source>
        <translation>No group chosen yet: tick one or more.</translation>
    </message>
    <message>
        <source>Välj minst en grupp.</source>
        <translation>Choose at least one group.</translation>
    </message>
</context>
</TS>