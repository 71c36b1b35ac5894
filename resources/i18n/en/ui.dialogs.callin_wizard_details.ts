<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsPage</name>
    <message>
        <source>När och var</source>
        <translation>When and where</translation>
    </message>
    <message>
        <source>Rubrik, dag och tid, plats och säkerhetsplan för mötet.</source>
        <translation>Title, day and time, venue and security plan for the meeting.</translation>
    </message>
    <message>
        <source>t.ex. Call-in Norra området, våren</source>
        <translation>e.g. Call-in North area, spring</translation>
    </message>
    <message>
        <source>t.ex. Tingsrättens sal 2</source>
        <translation>e.g. District court, room 2</translation>
    </message>
    <message>
        <source>Vakter, in- och utgångar, vem som ansvarar, var grupper hålls isär</source>
        <translation>Guards, entrances and exits, who is in charge, where groups are kept apart</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
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
        <source>Praktiska anteckningar</source>
        <translation>Practical notes</translation>
    </message>
    <message>
        <source>Skriv en rubrik för mötet.</source>
        <translation>Enter a title for the meeting.</translation>
    </message>
    <message>
        <source>Skriv var mötet hålls.</source>
        <translation>Enter where the meeting is held.</translation>
    </message>
</context>
<context>
    <name>LogisticsPage</name>
    <message>
        <source>Logistik</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>Bocka i det som är ordnat. Lägg till egna punkter vid behov, till exempel vem som hämtar vem.</source>
        <translation>Tick what is arranged. Add your own items if needed, for example who picks up whom.</translation>
    </message>
    <message>
        <source>Måltid</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Utcheckningslista</source>
        <translation>Sign-out list</translation>
    </message>
    <message>
        <source>Kort till stödlinjen</source>
        <translation>Help-line cards</translation>
    </message>
    <message>
        <source>Utskrivna brev</source>
        <translation>Printed letters</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Egen punkt, t.ex. Taxi från Hisingen 17.15</source>
        <translation>Own item, e.g. Taxi from Hisingen 17:15</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Egna punkter</source>
        <translation>Own items</translation>
    </message>
    <message>
        <source>Skriv punkten först.</source>
        <translation>Type the item first.</translation>
    </message>
</context>
</TS>