<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>RelationDialog</name>
    <message>
        <source>Ny relation</source>
        <translation>New relation</translation>
    </message>
    <message>
        <source>Ändra relation</source>
        <translation>Edit relation</translation>
    </message>
    <message>
        <source>1 = låg, 5 = mycket hög</source>
        <translation>1 = low, 5 = very high</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Motpart</source>
        <translation>Other group</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Intensitet</source>
        <translation>Intensity</translation>
    </message>
    <message>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Utlösande händelse</source>
        <translation>Triggering incident</translation>
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
        <source>Annan händelse</source>
        <translation>Other incident</translation>
    </message>
</context>
<context>
    <name>RelationsTab</name>
    <message>
        <source>Ny relation…</source>
        <translation>New relation…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Relationen avslutas med i går som sista dag.</source>
        <translation>The relation ends with yesterday as its last day.</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>För relationer som registrerats av misstag.</source>
        <translation>For relations registered by mistake.</translation>
    </message>
    <message>
        <source>Dubbelklicka för att öppna den andra gruppen.</source>
        <translation>Double-click to open the other group.</translation>
    </message>
    <message>
        <source>Inga allianser eller konflikter registrerade.</source>
        <translation>No alliances or conflicts registered.</translation>
    </message>
    <message>
        <source>Ta bort relation</source>
        <translation>Delete relation</translation>
    </message>
    <message>
        <source>Ta bort relationen mellan %1 och %2? Använd ”Avsluta” om relationen har upphört.</source>
        <translation>Delete the relation between %1 and %2? Use “End” if the relation has ceased.</translation>
    </message>
</context>
</TS>