<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CallInsPage</name>
    <message>
        <source>Sök på rubrik, plats eller grupp</source>
        <translation>Search by title, venue or group</translation>
    </message>
    <message>
        <source>Visa bara call-ins med en viss status</source>
        <translation>Show only call-ins with one status</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna den valda call-in (Enter)</source>
        <translation>Open the selected call-in (Enter)</translation>
    </message>
    <message>
        <source>Ny call-in…</source>
        <translation>New call-in…</translation>
    </message>
    <message>
        <source>Planera en ny call-in steg för steg (Ctrl+N)</source>
        <translation>Plan a new call-in step by step (Ctrl+N)</translation>
    </message>
    <message>
        <source>Fortsätt planera</source>
        <translation>Continue planning</translation>
    </message>
    <message>
        <source>Fortsätt planera det valda utkastet</source>
        <translation>Continue planning the selected draft</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Inbjudna</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>Deltog</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Call-ins</source>
        <translation>Call-ins</translation>
    </message>
    <message>
        <source>1 call-in</source>
        <translation>1 call-in</translation>
    </message>
    <message>
        <source>%1 call-ins</source>
        <translation>%1 call-ins</translation>
    </message>
    <message>
        <source>Ingen call-in matchar ”%1”</source>
        <translation>No call-in matches “%1”</translation>
    </message>
    <message>
        <source>Ingen call-in har den statusen</source>
        <translation>No call-in has that status</translation>
    </message>
    <message>
        <source>Töm sökrutan och välj ”Alla” för att se hela listan.</source>
        <translation>Clear the search box and choose “All” to see the whole list.</translation>
    </message>
    <message>
        <source>Inga call-ins ännu</source>
        <translation>No call-ins yet</translation>
    </message>
    <message>
        <source>En call-in planeras i steg: datum och plats, vilka grupper den riktar sig till, vilka som bjuds in och varför, talarna och logistiken. Börja med ”Ny call-in…”; ett utkast kan sparas och planeras färdigt senare.</source>
        <translation>A call-in is planned in steps: date and venue, the groups it addresses, who is invited and why, the speakers and the logistics. Start with “New call-in…”; a draft can be saved and finished later.</translation>
    </message>
    <message>
        <source>Call-in sparad</source>
        <translation>Call-in saved</translation>
    </message>
</context>
</TS>