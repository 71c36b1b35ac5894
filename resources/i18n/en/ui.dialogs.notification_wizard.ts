<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NotificationWizard</name>
    <message>
        <source>Nytt riktat samtal</source>
        <translation>New custom notification</translation>
    </message>
    <message>
        <source>Ändra riktat samtal</source>
        <translation>Edit custom notification</translation>
    </message>
    <message>
        <source>&amp;Nästa &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Genomfört</source>
        <translation>Delivered</translation>
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
        <source>Samtalet som sparades när valvet låstes kunde inte läsas tillbaka.</source>
        <translation>The notification kept when the vault was locked could not be read back.</translation>
    </message>
    <message>
        <source>Samtalet togs bort medan valvet var låst. Det du fyllt i visas här som ett nytt samtal: spara det för att registrera det igen, eller stäng och kasta det.</source>
        <translation>The notification was deleted while the vault was locked. What you entered is shown here as a new notification: save it to record it again, or close and discard it.</translation>
    </message>
    <message>
        <source>Borttagna ur registret medan valvet var låst, och därför inte längre med i samtalet: %1</source>
        <translation>Deleted from the register while the vault was locked, and so no longer part of the notification: %1</translation>
    </message>
    <message>
        <source>Osparade uppgifter</source>
        <translation>Unsaved details</translation>
    </message>
    <message>
        <source>Samtalet är inte sparat. Vill du slänga det du fyllt i?</source>
        <translation>The notification is not saved. Do you want to discard what you filled in?</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Granska</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Kontrollera uppgifterna och spara.</source>
        <translation>Check the details and save.</translation>
    </message>
</context>
</TS>
