/** Small collection helpers shared by the features (cutting a list into chunks). */
package dev.baton.infrastructure.collections;
