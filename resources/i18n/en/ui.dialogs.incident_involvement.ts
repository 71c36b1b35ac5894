<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GroupsPanel</name>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Inblandning</source>
        <translation>Involvement</translation>
    </message>
    <message>
        <source>Ändra inblandning…</source>
        <translation>Change involvement…</translation>
    </message>
    <message>
        <source>Ändra inblandningen för den markerade (F2)</source>
        <translation>Change the involvement of the selected one (F2)</translation>
    </message>
    <message>
        <source>Ändra inblandning</source>
        <translation>Change involvement</translation>
    </message>
    <message>
        <source>Ny inblandning:</source>
        <translation>New involvement:</translation>
    </message>
    <message>
        <source>Välj grupp…</source>
        <translation>Choose group…</translation>
    </message>
    <message>
        <source>Lägg till grupp</source>
        <translation>Add group</translation>
    </message>
    <message>
        <source>Välj en grupp i listan.</source>
        <translation>Choose a group from the list.</translation>
    </message>
    <message>
        <source>Det finns ingen grupp som heter ”%1”.</source>
        <translation>There is no group called “%1”.</translation>
    </message>
</context>
<context>
    <name>InvolvedPanel</name>
    <message>
        <source>Ändra roll</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Ny roll:</source>
        <translation>New role:</translation>
    </message>
    <message>
        <source>Ändra roll…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Ändra rollen för den markerade (F2)</source>
        <translation>Change the role of the selected one (F2)</translation>
    </message>
    <message>
        <source>Ta bort ur listan</source>
        <translation>Remove from the list</translation>
    </message>
</context>
<context>
    <name>PersonsPanel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Sök person på namn, alias eller personnummer</source>
        <translation>Search for a person by name, alias or personal number</translation>
    </message>
    <message>
        <source>Lägg till person</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>Ingen person matchar ”%1”.</source>
        <translation>No person matches “%1”.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Ändra</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
</context>
</TS>
