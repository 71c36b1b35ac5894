<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NotificationWindow</name>
    <message>
        <source>Riktat samtal</source>
        <translation>Custom notification</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Brev…</source>
        <translation>Letters…</translation>
    </message>
    <message>
        <source>Ett brev per person som fick budskapet</source>
        <translation>One letter per person who received the message</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Budskap</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rättslig bedömning</source>
        <translation>Legal assessment</translation>
    </message>
    <message>
        <source>Erbjuden hjälp</source>
        <translation>Help offered</translation>
    </message>
    <message>
        <source>Reaktion</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Nästa steg</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Ta bort riktat samtal</source>
        <translation>Delete custom notification</translation>
    </message>
    <message>
        <source>Ta bort samtalet? Det slutar räknas som en dos och försvinner ur tidslinjerna.</source>
        <translation>Delete the notification? It stops counting as a dose and leaves the timelines.</translation>
    </message>
    <message>
        <source>Riktat samtal borttaget</source>
        <translation>Custom notification deleted</translation>
    </message>
    <message>
        <source>Brev efter riktat samtal</source>
        <translation>Letter after a custom notification</translation>
    </message>
</context>
</TS>
