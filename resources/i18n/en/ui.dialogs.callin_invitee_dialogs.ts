<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AddInviteeDialog</name>
    <message>
        <source>Lägg till inbjuden</source>
        <translation>Add invitee</translation>
    </message>
    <message>
        <source>Sök på namn, alias eller personnummer</source>
        <translation>Search by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Bjud in</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Brev via frivården</source>
        <translation>Letter via probation service</translation>
    </message>
    <message>
        <source>Personligen</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Via socialtjänsten</source>
        <translation>Via social services</translation>
    </message>
    <message>
        <source>Via familjen</source>
        <translation>Via the family</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD TT:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Hur</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Av vem</source>
        <translation>By whom</translation>
    </message>
    <message>
        <source>När</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kallelse till: %1</source>
        <translation>Invitation for: %1</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Signera ut</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD TT:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Utcheckning för: %1</source>
        <translation>Sign-out for: %1</translation>
    </message>
</context>
</TS>