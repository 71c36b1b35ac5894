<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Visa bara ett slag av samtal</source>
        <translation>Show only one kind of notification</translation>
    </message>
    <message>
        <source>Alla slag</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Bara samtal till personer som var medlemmar i gruppen den dagen</source>
        <translation>Only notifications to people who were members of the group on the day</translation>
    </message>
    <message>
        <source>Alla grupper</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Sök på namn eller call-in</source>
        <translation>Search by name or call-in</translation>
    </message>
    <message>
        <source>Nytt riktat samtal…</source>
        <translation>New custom notification…</translation>
    </message>
    <message>
        <source>Registrera ett riktat samtal steg för steg (Ctrl+N)</source>
        <translation>Record a custom notification step by step (Ctrl+N)</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna det valda samtalet (Enter)</source>
        <translation>Open the selected notification (Enter)</translation>
    </message>
    <message>
        <source>Riktade samtal</source>
        <translation>Custom notifications</translation>
    </message>
    <message>
        <source>person nådd av budskapet</source>
        <translation>person reached by the message</translation>
    </message>
    <message>
        <source>personer nådda av budskapet</source>
        <translation>people reached by the message</translation>
    </message>
    <message>
        <source>av dem mer än en gång</source>
        <translation>of them more than once</translation>
    </message>
    <message>
        <source>dos (samtal och call-ins)</source>
        <translation>dose (notifications and call-ins)</translation>
    </message>
    <message>
        <source>doser (samtal och call-ins)</source>
        <translation>doses (notifications and call-ins)</translation>
    </message>
    <message>
        <source>kallelse till call-in</source>
        <translation>call-in invitation</translation>
    </message>
    <message>
        <source>kallelser till call-in</source>
        <translation>call-in invitations</translation>
    </message>
    <message>
        <source>1 samtal</source>
        <translation>1 notification</translation>
    </message>
    <message>
        <source>%1 samtal</source>
        <translation>%1 notifications</translation>
    </message>
    <message>
        <source>de %1 senaste</source>
        <translation>the %1 newest</translation>
    </message>
    <message>
        <source>Inget samtal matchar ”%1”</source>
        <translation>No notification matches “%1”</translation>
    </message>
    <message>
        <source>Sökningen gäller namnen på dem som fick budskapet och rubriken på call-in. Töm sökrutan för att se alla samtal i perioden.</source>
        <translation>The search looks at the names of those who received the message and at call-in titles. Clear the search box to see every notification in the period.</translation>
    </message>
    <message>
        <source>Inget samtal matchar</source>
        <translation>No notification matches</translation>
    </message>
    <message>
        <source>Töm sökrutan, välj ”Alla slag” och ”Alla grupper” och ”Allt” som period för att se hela listan.</source>
        <translation>Clear the search box and choose “All kinds”, “All groups” and “All” as the period to see the whole list.</translation>
    </message>
    <message>
        <source>Inga riktade samtal ännu</source>
        <translation>No custom notifications yet</translation>
    </message>
    <message>
        <source>Ett riktat samtal är budskapet framfört till en person, ansikte mot ansikte: hemma, på gatan eller hos frivården. Registrera ett med ”Nytt riktat samtal…”. Kallelser till call-ins visas här när de skickas från en call-in.</source>
        <translation>A custom notification is the message delivered to one person, face to face: at home, on the street or at the probation office. Record one with “New custom notification…”. Call-in invitations appear here when they are sent from a call-in.</translation>
    </message>
    <message>
        <source>Riktat samtal sparat</source>
        <translation>Custom notification saved</translation>
    </message>
</context>
</TS>
