<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FollowedUpDialog</name>
    <message>
        <source>Uppföljning gjord</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <source>Planerad till %1. Dagen tas bort från kontakten och en rad om när och av vem läggs till uppföljningen.</source>
        <translation>Planned for %1. The day is removed from the contact and a line saying when and by whom is added to the follow-up.</translation>
    </message>
    <message>
        <source>t.ex. ringde upp, bokade möte</source>
        <translation>e.g. called back, booked a meeting</translation>
    </message>
    <message>
        <source>Gjord den</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Markera som gjord</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Ska vara ett datum som ÅÅÅÅ-MM-DD</source>
        <translation>Must be a date like YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>HelplineContactDialog</name>
    <message>
        <source>Ny kontakt</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Anonym – uppgav inget namn</source>
        <translation>Anonymous – gave no name</translation>
    </message>
    <message>
        <source>Det namn som uppgavs (kan vara ett förnamn)</source>
        <translation>The name given (may be a first name)</translation>
    </message>
    <message>
        <source>Visa person</source>
        <translation>Show person</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>I morgon</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Om en vecka</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kopplad till</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <source>Frågade om</source>
        <translation>Asked about</translation>
    </message>
    <message>
        <source>Erbjöds</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Följs upp den</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <source>Togs emot av</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Spara kontakten (Ctrl+S)</source>
        <translation>Save the contact (Ctrl+S)</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kontakt %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>(personen är borttagen)</source>
        <translation>(the person has been deleted)</translation>
    </message>
    <message>
        <source>Ta bort kopplingen till personen först.</source>
        <translation>Remove the link to the person first.</translation>
    </message>
    <message>
        <source>Kontakten togs bort medan valvet var låst. Det du skrev visas här som en ny kontakt: spara för att lägga till den igen, eller stäng och kasta uppgifterna.</source>
        <translation>The contact was deleted while the vault was locked. What you typed is shown here as a new contact: save to add it again, or close and discard it.</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Spara kontakten innan fönstret stängs?</source>
        <translation>Save the contact before the window closes?</translation>
    </message>
</context>
</TS>
