<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HelplinePage</name>
    <message>
        <source>Sök i frågor, erbjudanden och uppgivna namn</source>
        <translation>Search questions, offers and names given</translation>
    </message>
    <message>
        <source>Alla kanaler</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Bara anonyma</source>
        <translation>Anonymous only</translation>
    </message>
    <message>
        <source>Uppföljning att göra</source>
        <translation>Follow-ups to do</translation>
    </message>
    <message>
        <source>Kontakter vars uppföljningsdag har kommit och som inte markerats som uppföljda</source>
        <translation>Contacts whose follow-up day has come and that are not marked as followed up</translation>
    </message>
    <message>
        <source>Ny kontakt…</source>
        <translation>New contact…</translation>
    </message>
    <message>
        <source>Registrera ett samtal, ett sms eller ett besök medan det pågår (Ctrl+N)</source>
        <translation>Record a call, a text message or a visit while it happens (Ctrl+N)</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna den valda kontakten (Enter)</source>
        <translation>Open the selected contact (Enter)</translation>
    </message>
    <message>
        <source>Koppla till person…</source>
        <translation>Link to person…</translation>
    </message>
    <message>
        <source>Den som hörde av sig har sagt vem hen är: koppla kontakten till personen i registret</source>
        <translation>The caller has said who they are: link the contact to the person in the register</translation>
    </message>
    <message>
        <source>Ta bort koppling</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>Kontakten kopplades till fel person</source>
        <translation>The contact was linked to the wrong person</translation>
    </message>
    <message>
        <source>Uppföljd…</source>
        <translation>Followed up…</translation>
    </message>
    <message>
        <source>Markera den utlovade uppföljningen som gjord</source>
        <translation>Mark the promised follow-up as done</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Följs upp</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>Avhopparlinjen</source>
        <translation>Exit line</translation>
    </message>
    <message>
        <source>1 kontakt</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <source>%1 kontakter</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>(bland de %1 senaste)</source>
        <translation>(among the latest %1)</translation>
    </message>
    <message>
        <source>Ingen uppföljning att göra</source>
        <translation>No follow-ups to do</translation>
    </message>
    <message>
        <source>Alla utlovade uppföljningar är gjorda eller ligger längre fram.</source>
        <translation>Every promised follow-up is done or lies ahead.</translation>
    </message>
    <message>
        <source>Ingen kontakt matchar filtret</source>
        <translation>No contact matches the filter</translation>
    </message>
    <message>
        <source>Töm sökrutan, välj ”Alla kanaler”, ta bort bockarna och välj perioden ”Allt” för att se fler.</source>
        <translation>Clear the search box, choose “All channels”, untick the boxes and choose the period “All” to see more.</translation>
    </message>
    <message>
        <source>Inga kontakter med avhopparlinjen ännu</source>
        <translation>No exit line contacts yet</translation>
    </message>
    <message>
        <source>Registrera ett samtal medan det pågår med ”Ny kontakt…” (Ctrl+N). Den som ringer är anonym tills hen själv uppger sitt namn.</source>
        <translation>Record a call while it happens with “New contact…” (Ctrl+N). The caller is anonymous until they give their name themselves.</translation>
    </message>
    <message>
        <source>Kontakten är sparad.</source>
        <translation>The contact is saved.</translation>
    </message>
    <message>
        <source>Koppla kontakten till en person</source>
        <translation>Link the contact to a person</translation>
    </message>
    <message>
        <source>Koppla</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Kontakten är kopplad till %1.</source>
        <translation>The contact is linked to %1.</translation>
    </message>
    <message>
        <source>personen</source>
        <translation>the person</translation>
    </message>
    <message>
        <source>Kontakten behåller namnet som uppgavs (%1).</source>
        <translation>The contact keeps the name given (%1).</translation>
    </message>
    <message>
        <source>Kontakten blir anonym igen.</source>
        <translation>The contact becomes anonymous again.</translation>
    </message>
    <message>
        <source>Ta bort kopplingen mellan kontakten och %1?</source>
        <translation>Remove the link between the contact and %1?</translation>
    </message>
    <message>
        <source>Kopplingen är borttagen.</source>
        <translation>The link is removed.</translation>
    </message>
    <message>
        <source>Uppföljningen är markerad som gjord.</source>
        <translation>The follow-up is marked as done.</translation>
    </message>
    <message>
        <source>Ta bort kontakten %1 (%2)?</source>
        <translation>Remove the contact %1 (%2)?</translation>
    </message>
    <message>
        <source>Ta bort kontakt</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>Kontakten försvinner ur listor, mått och tidslinjer.</source>
        <translation>The contact disappears from lists, measures and timelines.</translation>
    </message>
    <message>
        <source>Kontakten är borttagen.</source>
        <translation>The contact is removed.</translation>
    </message>
</context>
</TS>
