<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgencyList</name>
    <message>
        <source>t.ex. Polisen, Kriminalvården, Skatteverket</source>
        <translation>e.g. Police, Prison and Probation Service, Tax Agency</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>EndRoundDialog</name>
    <message>
        <source>Avsluta ökat fokus</source>
        <translation>End increased focus</translation>
    </message>
    <message>
        <source>Omgången startade %1.</source>
        <translation>The round started on %1.</translation>
    </message>
    <message>
        <source>t.ex. våldet upphörde, gruppen upplöst</source>
        <translation>e.g. the violence stopped, the group dissolved</translation>
    </message>
    <message>
        <source>Avslutades</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Ska vara ett datum som ÅÅÅÅ-MM-DD</source>
        <translation>Must be a date like YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>FollowThroughTab</name>
    <message>
        <source>Ny omgång…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <source>Registrera ökat fokus mot gruppen efter våld</source>
        <translation>Record increased focus on the group after violence</translation>
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
        <source>Avsluta omgången: datum och anledning</source>
        <translation>End the round: date and reason</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>För omgångar som registrerats av misstag.</source>
        <translation>For rounds recorded by mistake.</translation>
    </message>
    <message>
        <source>Inget ökat fokus mot gruppen registrerat. När gruppen har använt våld: registrera en omgång med de åtgärder och myndigheter som svarar, och hur gruppen fick veta varför.</source>
        <translation>No increased focus on the group recorded. When the group has used violence: record a round with the measures and agencies that respond, and how the group was told why.</translation>
    </message>
    <message>
        <source>%1 pågående av %2 omgångar. Dubbelklicka för att ändra.</source>
        <translation>%1 running of %2 rounds. Double-click to edit.</translation>
    </message>
    <message>
        <source>Ingen pågående omgång (%1 avslutade).</source>
        <translation>No running round (%1 ended).</translation>
    </message>
    <message>
        <source>Utlösande händelser: %1</source>
        <translation>Triggering incidents: %1</translation>
    </message>
    <message>
        <source>inga angivna</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>Anledning till avslut: %1</source>
        <translation>Reason for ending: %1</translation>
    </message>
    <message>
        <source>Ta bort omgång</source>
        <translation>Remove round</translation>
    </message>
    <message>
        <source>Ta bort omgången som startade %1? Använd ”Avsluta…” om den är över.</source>
        <translation>Remove the round that started on %1? Use “End…” if it is over.</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Ny omgång med ökat fokus</source>
        <translation>New round of increased focus</translation>
    </message>
    <message>
        <source>Ökat fokus från %1</source>
        <translation>Increased focus from %1</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Krävs när omgången är avslutad</source>
        <translation>Required when the round has ended</translation>
    </message>
    <message>
        <source>Vid nästa call-in</source>
        <translation>At the next call-in</translation>
    </message>
    <message>
        <source>I riktade samtal med medlemmarna</source>
        <translation>In custom notifications to the members</translation>
    </message>
    <message>
        <source>Brev till gruppens medlemmar</source>
        <translation>A letter to the group&apos;s members</translation>
    </message>
    <message>
        <source>Hur gruppen fick veta att detta var svaret på dess våld</source>
        <translation>How the group was told this was the answer to its violence</translation>
    </message>
    <message>
        <source>Avslutades</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Startade</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Anledning till avslut</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Myndigheter</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Utlösande händelser</source>
        <translation>Triggering incidents</translation>
    </message>
    <message>
        <source>Återkoppling</source>
        <translation>Told to the group</translation>
    </message>
    <message>
        <source>Återkopplat den</source>
        <translation>Told on</translation>
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
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bocka för de händelser som utlöste omgången.</source>
        <translation>Tick the incidents that triggered the round.</translation>
    </message>
    <message>
        <source>Gruppen finns inte med i någon registrerad händelse ännu.</source>
        <translation>The group is not in any recorded incident yet.</translation>
    </message>
</context>
</TS>
