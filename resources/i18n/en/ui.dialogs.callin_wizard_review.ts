<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ReviewPage</name>
    <message>
        <source>Granska</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Kontrollera planen. ”Skapa” sparar den som en planerad call-in; ”Tillbaka” låter dig ändra.</source>
        <translation>Check the plan. “Create” saves it as a planned call-in; “Back” lets you change it.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Datum och tid</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Säkerhetsplan</source>
        <translation>Security plan</translation>
    </message>
    <message>
        <source>Praktiskt</source>
        <translation>Practical</translation>
    </message>
    <message>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message numerus="yes">
        <source>Inbjudna (%n)</source>
        <translation>
            <numerusform>Invitees (%n)</numerusform>
            <numerusform>Invitees (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Program (%1 min)</source>
        <translation>Programme (%1 min)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 min)</source>
        <translation>%1: %2 (%3 min)</translation>
    </message>
    <message>
        <source>Logistik</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>Inget avbockat än.</source>
        <translation>Nothing ticked yet.</translation>
    </message>
</context>
</TS>