<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MembershipsTab</name>
    <message>
        <source>Personen är inte registrerad som medlem i någon grupp. Lägg till ett medlemskap med knappen ovan.</source>
        <translation>The person is not recorded as a member of any group. Add a membership with the button above.</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Nytt medlemskap (Ctrl+M)</source>
        <translation>New membership (Ctrl+M)</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Avsluta…</source>
        <translation>End…</translation>
    </message>
    <message>
        <source>Sätt sista dag som medlem</source>
        <translation>Set the last day as a member</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ta bort ett felaktigt registrerat medlemskap</source>
        <translation>Delete a membership recorded by mistake</translation>
    </message>
    <message>
        <source>Ta bort medlemskap</source>
        <translation>Delete membership</translation>
    </message>
    <message>
        <source>Ta bort medlemskapet i %1? Använd ”Avsluta” om personen har lämnat gruppen; ta bara bort det som registrerats fel.</source>
        <translation>Delete the membership of %1? Use “End” if the person has left the group; delete only what was recorded by mistake.</translation>
    </message>
</context>
</TS>
