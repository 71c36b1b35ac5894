<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsTab</name>
    <message>
        <source>Skilj flera med kommatecken</source>
        <translation>Separate several with commas</translation>
    </message>
    <message>
        <source>1 är högst</source>
        <translation>1 is highest</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
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
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara uppgifterna (Ctrl+S)</source>
        <translation>Save the details (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Ny grupp</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Relationer</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Ökat fokus</source>
        <translation>Increased focus</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Kan inte visa gruppen</source>
        <translation>Cannot show the group</translation>
    </message>
    <message>
        <source>Gruppen togs bort medan valvet var låst. Det du skrev visas här som en ny grupp: spara för att lägga till gruppen igen, eller stäng och kasta uppgifterna.</source>
        <translation>The group was deleted while the vault was locked. What you typed is shown here as a new group: save to add the group again, or close to discard it.</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Spara ändringarna innan fönstret stängs?</source>
        <translation>Save the changes before the window closes?</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <source>Gruppen finns inte med i någon registrerad händelse.</source>
        <translation>The group is not involved in any registered incident.</translation>
    </message>
    <message>
        <source>Dubbelklicka på en händelse för att öppna den.</source>
        <translation>Double-click an incident to open it.</translation>
    </message>
</context>
</TS>