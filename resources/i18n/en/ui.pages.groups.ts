<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GroupsPage</name>
    <message>
        <source>Sök på namn, alias eller område</source>
        <translation>Search by name, alias or area</translation>
    </message>
    <message>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Ny grupp</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Registrera en ny grupp (Ctrl+N)</source>
        <translation>Register a new group (Ctrl+N)</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Ta bort grupp</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <source>Ta bort gruppen %1? Medlemskap och relationer visas inte längre.</source>
        <translation>Delete the group %1? Its memberships and relations will no longer be shown.</translation>
    </message>
    <message>
        <source>Gruppen %1 togs bort.</source>
        <translation>The group %1 was deleted.</translation>
    </message>
    <message>
        <source>%1 grupp</source>
        <translation>%1 group</translation>
    </message>
    <message>
        <source>%1 grupper</source>
        <translation>%1 groups</translation>
    </message>
    <message>
        <source>Ingen grupp matchar sökningen</source>
        <translation>No group matches the search</translation>
    </message>
    <message>
        <source>Sök på namn, alias eller område, eller välj ”Alla statusar”.</source>
        <translation>Search by name, alias or area, or choose “All statuses”.</translation>
    </message>
    <message>
        <source>Inga grupper i valvet ännu</source>
        <translation>No groups in the vault yet</translation>
    </message>
    <message>
        <source>Registrera en grupp med ”Ny grupp” (Ctrl+N).</source>
        <translation>Register a group with “New group” (Ctrl+N).</translation>
    </message>
</context>
</TS>
