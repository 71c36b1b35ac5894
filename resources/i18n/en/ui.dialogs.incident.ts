<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Ny händelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Välj typ…</source>
        <translation>Choose type…</translation>
    </message>
    <message>
        <source>Gruppkoppling: var någon gruppmedlem inblandad?</source>
        <translation>Group member involvement: was a group member involved?</translation>
    </message>
    <message>
        <source>Döda:</source>
        <translation>Killed:</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>GMI</source>
        <translation>GMI</translation>
    </message>
    <message>
        <source>Skadade</source>
        <translation>Injured</translation>
    </message>
    <message>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Inblandade grupper</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <source>Inblandade personer</source>
        <translation>People involved</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Händelse %1</source>
        <translation>Incident %1</translation>
    </message>
    <message>
        <source>Händelsen togs bort medan valvet var låst. Det du skrev visas här som en ny händelse: spara för att lägga till händelsen igen, eller stäng och kasta uppgifterna.</source>
        <translation>The incident was deleted while the vault was locked. What you typed is shown here as a new incident: save to add the incident again, or close to discard it.</translation>
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
</TS>