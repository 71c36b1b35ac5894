<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Sök plats eller område</source>
        <translation>Search place or area</translation>
    </message>
    <message>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>GMI: alla</source>
        <translation>GMI: all</translation>
    </message>
    <message>
        <source>GMI: %1</source>
        <translation>GMI: %1</translation>
    </message>
    <message>
        <source>Alla grupper</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Ny händelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <source>Registrera en ny händelse (Ctrl+N)</source>
        <translation>Record a new incident (Ctrl+N)</translation>
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
        <source>GMI</source>
        <translation>GMI</translation>
    </message>
    <message>
        <source>Skadade</source>
        <translation>Injured</translation>
    </message>
    <message>
        <source>Döda</source>
        <translation>Killed</translation>
    </message>
    <message>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>%1 händelse</source>
        <translation>%1 incident</translation>
    </message>
    <message>
        <source>%1 händelser</source>
        <translation>%1 incidents</translation>
    </message>
    <message>
        <source>Inga händelser matchar filtret</source>
        <translation>No incidents match the filter</translation>
    </message>
    <message>
        <source>Töm sökrutan eller välj ”Alla typer”, ”Alla grupper” eller perioden ”Allt” för att se fler.</source>
        <translation>Clear the search box or choose “All types”, “All groups” or the period “All” to see more.</translation>
    </message>
    <message>
        <source>Inga händelser registrerade ännu</source>
        <translation>No incidents recorded yet</translation>
    </message>
    <message>
        <source>Registrera skjutningar, sprängningar och annat våld med ”Ny händelse” (Ctrl+N).</source>
        <translation>Record shootings, explosions and other violence with “New incident” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Händelsen är sparad.</source>
        <translation>The incident has been saved.</translation>
    </message>
    <message>
        <source>Ta bort händelsen %1 (%2)?</source>
        <translation>Delete the incident %1 (%2)?</translation>
    </message>
    <message>
        <source>Ta bort händelse</source>
        <translation>Delete incident</translation>
    </message>
    <message>
        <source>Händelsen försvinner ur listor och översikter.</source>
        <translation>The incident disappears from lists and overviews.</translation>
    </message>
    <message>
        <source>Händelsen är borttagen.</source>
        <translation>The incident has been deleted.</translation>
    </message>
</context>
</TS>
