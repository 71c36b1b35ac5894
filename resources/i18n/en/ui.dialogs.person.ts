<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PersonWindow</name>
    <message>
        <source>Inget registrerat om personen ännu: medlemskap, händelser, call-ins och insatser visas här.</source>
        <translation>Nothing recorded about this person yet: memberships, incidents, call-ins and referrals appear here.</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Medlemskap</source>
        <translation>Memberships</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Stöd</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Ta bort person…</source>
        <translation>Delete person…</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nytt riktat samtal…</source>
        <translation>New custom notification…</translation>
    </message>
    <message>
        <source>Registrera ett riktat samtal med personen</source>
        <translation>Record a custom notification with this person</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Kan inte visa personen</source>
        <translation>Cannot show the person</translation>
    </message>
    <message>
        <source>Inget att spara</source>
        <translation>Nothing to save</translation>
    </message>
    <message>
        <source>%1 har lagts till</source>
        <translation>%1 has been added</translation>
    </message>
    <message>
        <source>%1 har sparats</source>
        <translation>%1 has been saved</translation>
    </message>
    <message>
        <source>Ta bort person</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <source>Ta bort %1 ur registret? Personen försvinner ur listor och sökningar; borttagningen loggas.</source>
        <translation>Delete %1 from the register? The person disappears from lists and searches; the deletion is logged.</translation>
    </message>
    <message>
        <source>%1 har tagits bort</source>
        <translation>%1 has been deleted</translation>
    </message>
    <message>
        <source>Personen togs bort medan valvet var låst. Det du skrev visas här som en ny person: spara för att lägga till personen igen, eller stäng och kasta uppgifterna.</source>
        <translation>The person was deleted while the vault was locked. What you typed is shown here as a new person: save to add the person again, or close to discard it.</translation>
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
