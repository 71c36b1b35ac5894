<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GroupsTableModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Omprövas</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>1 är högst prioritet.</source>
        <translation>1 is the highest priority.</translation>
    </message>
    <message>
        <source>Pågående konflikter med andra grupper.</source>
        <translation>Ongoing conflicts with other groups.</translation>
    </message>
    <message>
        <source>Prioriteringen skulle ha omprövats.</source>
        <translation>The priority is overdue for review.</translation>
    </message>
</context>
</TS>
