<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CallInWizard</name>
    <message>
        <source>Ny call-in</source>
        <translation>New call-in</translation>
    </message>
    <message>
        <source>Planera call-in</source>
        <translation>Plan call-in</translation>
    </message>
    <message>
        <source>Spara utkast</source>
        <translation>Save draft</translation>
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
        <source>&amp;Skapa</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Spara planen som utkast och stäng; du kan fortsätta senare</source>
        <translation>Save the plan as a draft and close; you can continue later</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Planera call-in: %1</source>
        <translation>Plan call-in: %1</translation>
    </message>
    <message>
        <source>Planen som sparades när valvet låstes kunde inte läsas tillbaka.</source>
        <translation>The plan kept when the vault was locked could not be read back.</translation>
    </message>
    <message>
        <source>Call-in togs bort medan valvet var låst. Planen visas här som en ny call-in: spara den för att lägga upp den igen, eller stäng och kasta den.</source>
        <translation>The call-in was deleted while the vault was locked. The plan is shown here as a new call-in: save it to add it again, or close and discard it.</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Planen har ändringar som inte är sparade. Vill du spara dem som utkast?</source>
        <translation>The plan has changes that are not saved. Do you want to save them as a draft?</translation>
    </message>
    <message>
        <source>Släng ändringarna</source>
        <translation>Discard the changes</translation>
    </message>
    <message>
        <source>Fortsätt planera</source>
        <translation>Continue planning</translation>
    </message>
</context>
</TS>