<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsTab</name>
    <message>
        <source>ÅÅÅÅ-MM-DD TT:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
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
        <source>Spara uppgifter</source>
        <translation>Save details</translation>
    </message>
    <message>
        <source>Spara rubrik, tid, plats och anteckningar</source>
        <translation>Save title, time, venue and notes</translation>
    </message>
    <message>
        <source>Ändra grupper…</source>
        <translation>Change groups…</translation>
    </message>
    <message>
        <source>Grupper som call-in riktar sig till</source>
        <translation>Groups the call-in addresses</translation>
    </message>
    <message>
        <source>Markera som genomförd</source>
        <translation>Mark as held</translation>
    </message>
    <message>
        <source>Ställ in</source>
        <translation>Cancel call-in</translation>
    </message>
    <message>
        <source>Återställ till planerad</source>
        <translation>Set back to planned</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Inga grupper valda ännu.</source>
        <translation>No groups chosen yet.</translation>
    </message>
    <message>
        <source>Utkast: planeringen är inte slutförd. Fortsätt planera från listan över call-ins.</source>
        <translation>Draft: planning is not finished. Continue planning from the list of call-ins.</translation>
    </message>
    <message>
        <source>Planerad. Markera den som genomförd efter mötet.</source>
        <translation>Planned. Mark it as held after the meeting.</translation>
    </message>
    <message>
        <source>Genomförd.</source>
        <translation>Held.</translation>
    </message>
    <message>
        <source>Inställd. Den kan återställas till planerad.</source>
        <translation>Cancelled. It can be set back to planned.</translation>
    </message>
    <message>
        <source>Osparade uppgifter</source>
        <translation>Unsaved details</translation>
    </message>
    <message>
        <source>Uppgifterna om call-in är ändrade men inte sparade. Stäng ändå?</source>
        <translation>The call-in's details are changed but not saved. Close anyway?</translation>
    </message>
    <message>
        <source>Ställ in call-in</source>
        <translation>Cancel call-in</translation>
    </message>
    <message>
        <source>Ställa in ”%1”? Den kan återställas till planerad senare.</source>
        <translation>Cancel “%1”? It can be set back to planned later.</translation>
    </message>
    <message>
        <source>Ta bort call-in</source>
        <translation>Delete call-in</translation>
    </message>
    <message>
        <source>Ta bort ”%1” med program och inbjudna? Kallelser som registrerats dras tillbaka; borttagningen loggas.</source>
        <translation>Delete “%1” with its programme and invitees? Recorded invitations are withdrawn; the deletion is logged.</translation>
    </message>
</context>
</TS>