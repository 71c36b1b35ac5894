<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AppController</name>
    <message>
        <source>%1 osparade formulär kunde inte sparas när valvet låstes och gick förlorade. En felrapport utan personuppgifter finns i loggen.</source>
        <translation>%1 unsaved forms could not be kept when the vault locked and were lost. An error report without personal data is in the log.</translation>
    </message>
</context>
</TS>