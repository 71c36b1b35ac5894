<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>InviteesTab</name>
    <message>
        <source>Godkänn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Bjud in…</source>
        <translation>Invite…</translation>
    </message>
    <message>
        <source>Registrera att kallelsen lämnats: hur och av vem</source>
        <translation>Record that the invitation was handed over: how and by whom</translation>
    </message>
    <message>
        <source>Kom</source>
        <translation>Came</translation>
    </message>
    <message>
        <source>Uteblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Förhinder</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Backa ett steg</source>
        <translation>Step back</translation>
    </message>
    <message>
        <source>Rätta ett misstag: tillbaka till föregående steg</source>
        <translation>Correct a mistake: back to the previous step</translation>
    </message>
    <message>
        <source>Signera ut…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <source>Registrera när deltagaren lämnade mötet</source>
        <translation>Record when the attendee left the meeting</translation>
    </message>
    <message>
        <source>Ångra utcheckning</source>
        <translation>Undo sign-out</translation>
    </message>
    <message>
        <source>Ändra skäl…</source>
        <translation>Change reason…</translation>
    </message>
    <message>
        <source>Ta bort…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Lägg till…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Bjud in en person till (sök på namn)</source>
        <translation>Invite one more person (search by name)</translation>
    </message>
    <message>
        <source>%1 inbjudna</source>
        <translation>%1 invitees</translation>
    </message>
    <message>
        <source>Ändra skäl</source>
        <translation>Change reason</translation>
    </message>
    <message>
        <source>Varför bjuds %1 in?</source>
        <translation>Why is %1 invited?</translation>
    </message>
    <message>
        <source>Ta bort inbjuden</source>
        <translation>Remove invitee</translation>
    </message>
    <message>
        <source>Ta bort %1 från call-in? En registrerad kallelse dras tillbaka; borttagningen loggas.</source>
        <translation>Remove %1 from the call-in? A recorded invitation is withdrawn; the removal is logged.</translation>
    </message>
</context>
</TS>